namespace Profiles.Core;

/// <summary>Marker for the service layer assembly.</summary>
public static class CoreAssembly
{
}
