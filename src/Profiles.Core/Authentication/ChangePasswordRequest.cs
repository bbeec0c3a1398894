namespace Profiles.Core.Authentication;

/// <summary>Body of <c>POST /dbconnections/change_password</c>.</summary>
internal sealed class ChangePasswordRequest
{
    public string ClientId { get; set; } = "";

    public string Email { get; set; } = "";

    public string Connection { get; set; } = "";
}
