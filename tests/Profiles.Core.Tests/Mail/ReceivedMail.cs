namespace Profiles.Core.Tests.Mail;

/// <summary>One message <see cref="SmtpTestServer"/> accepted: the envelope and the DATA as sent (dot-unstuffed).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data);
