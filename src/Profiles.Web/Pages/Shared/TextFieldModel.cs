namespace Profiles.Web.Pages.Shared;

/// <summary>What the <c>_TextField</c> partial renders: a labelled input with its help and error wired by <c>aria-describedby</c>.</summary>
public sealed record TextFieldModel(
    string Id,
    string Name,
    string Label,
    string? Value,
    string? Error,
    string? Help = null,
    string Type = "text",
    string? Autocomplete = null,
    bool ReadOnly = false);
