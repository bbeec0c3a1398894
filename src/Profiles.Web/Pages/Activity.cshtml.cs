using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Activity;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages;

/// <summary>The signed-in user's own recent security events and their Auth0 sign-in history, as one timeline newest first
/// (read-only).</summary>
public sealed class ActivityModel(ISecurityEventLog securityEvents, ISignInHistoryService signInHistory, IProfileService profiles, ICurrentUser currentUser)
    : PageModel
{
    /// <summary>How many events the page lists.</summary>
    public const int MaxEvents = 50;

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public UserProfile? Profile { get; private set; }

    public SignInHistory History { get; private set; } = new(SignInHistoryStatus.Disabled, []);

    /// <summary><see cref="Events"/> and <see cref="History"/> merged, newest first.</summary>
    public IReadOnlyList<ActivityEntry> Timeline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        Events = await securityEvents.ListRecentAsync(userId, MaxEvents, cancellationToken);
        History = await signInHistory.GetAsync(userId, cancellationToken);
        Timeline = ActivityEntry.Merge(Events, History.Entries);
        Profile = await profiles.GetProfileAsync(userId, cancellationToken);
    }
}
