namespace Profiles.Core.Account;

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
}
