namespace Profiles.LocalTenant.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultOutcome
{
    None,
    ServerError,
    Drop,
}
