namespace Profiles.Core.Authenticators;

/// <summary>Where a passkey lives: copied to the user's other devices by their password manager, or on one device only.</summary>
public enum PasskeyStorage
{
    /// <summary><c>credential_device_type: multi_device</c>.</summary>
    Synced,

    /// <summary><c>credential_device_type: single_device</c>.</summary>
    DeviceBound,
}
