namespace Profiles.Core.Management.Models;

/// <summary>The My Account API's error body (not the Management API's shape).</summary>
public sealed class MyAccountErrorBody
{
    public string? Type { get; set; }

    public int? Status { get; set; }

    public string? Title { get; set; }

    public string? Detail { get; set; }
}
