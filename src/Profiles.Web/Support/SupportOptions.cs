using System.ComponentModel.DataAnnotations;

namespace Profiles.Web.Support;

/// <summary>Where users get help, section <c>Profiles:Support</c>: shown on the blocked-account, error and busy pages. Either,
/// both or neither may be set; with neither, those pages only say to contact the organisation.</summary>
public sealed class SupportOptions
{
    public const string SectionName = "Profiles:Support";

    /// <summary>A support mailbox, e.g. <c>help@example.com</c>.</summary>
    [EmailAddress]
    public string? Email { get; set; }

    /// <summary>A help page or contact form (absolute http or https URL).</summary>
    [Url]
    public string? Url { get; set; }

    /// <summary>The name users know the help desk by, e.g. "Example IT help desk"; optional.</summary>
    [StringLength(100)]
    public string? Name { get; set; }
}
