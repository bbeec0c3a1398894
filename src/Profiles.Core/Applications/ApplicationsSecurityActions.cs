namespace Profiles.Core.Applications;

/// <summary>The security event actions of this journey (stable strings: stored, exported and localized by name, like
/// <see cref="Activity.SecurityActions"/>).</summary>
public static class ApplicationsSecurityActions
{
    /// <summary>The user removed an application's access; the event's detail is the application's client id.</summary>
    public const string ApplicationRemoved = "application_removed";
}
