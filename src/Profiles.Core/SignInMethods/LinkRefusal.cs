using Profiles.Core.Results;

namespace Profiles.Core.SignInMethods;

/// <summary>Why a link or unlink was refused. Stable codes: pages localize them (<c>Linking.Refusal.{code}</c>) and security
/// events store them.</summary>
public static class LinkRefusal
{
    public const string UnknownConnection = "unknown_connection";
    public const string SameAccount = "same_account";
    public const string OtherUser = "other_user";
    public const string PrimaryEmailUnverified = "primary_email_unverified";
    public const string CandidateEmailUnverified = "candidate_email_unverified";
    public const string AlreadyLinked = "already_linked";
    public const string WrongConnection = "wrong_connection";
    public const string CandidateExpired = "candidate_expired";
    public const string CandidateGone = "candidate_gone";
    public const string Rejected = "rejected";
    public const string NotLinked = "not_linked";
    public const string MainIdentity = "main_identity";
    public const string LastMethod = "last_method";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "unavailable";

    /// <summary>Auth0's answer was lost and the re-read failed too: the change may or may not have been made.</summary>
    public const string Unconfirmed = "unconfirmed";

    /// <summary>The result for a refusal code: Auth0's rate limit and unavailability are "busy" (the pending link stays so the
    /// user can try again), a lost answer is "unconfirmed", anything else is a refusal.</summary>
    public static ServiceResult ToResult(string code, TimeSpan? retryAfter = null) => code switch
    {
        RateLimited or Unavailable => ServiceResult.Busy(code, retryAfter),
        Unconfirmed => ServiceResult.Unconfirmed(code, retryAfter),
        _ => ServiceResult.Refused(code),
    };
}
