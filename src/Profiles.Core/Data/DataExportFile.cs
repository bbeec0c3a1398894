namespace Profiles.Core.Data;

/// <summary>The export as the user downloads it: the JSON document's bytes and the file's name.</summary>
public sealed record DataExportFile(byte[] Content, string FileName);
