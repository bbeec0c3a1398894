namespace Profiles.Web.Banners;

/// <summary>A notice shown at the top of every page while something about the account needs the user's attention (an
/// unverified email, a deletion waiting for its grace period).</summary>
/// <param name="Kind">A stable name, used as the banner's id and CSS hook (<c>unverified-email</c>).</param>
/// <param name="Message">Already localized text.</param>
/// <param name="ActionPage">The Razor page the banner's link or button goes to; null for none.</param>
/// <param name="ActionLabel">Already localized label of that link or button.</param>
/// <param name="ActionHandler">When set, the action is a POST form (with antiforgery) to this named handler of the page.</param>
/// <param name="CooldownSeconds">While above zero the action's button is disabled, with a live countdown.</param>
/// <param name="CooldownText">Already localized sentence with <c>{0}</c> for the seconds left.</param>
/// <param name="SecondActionLabel">Already localized label of a second POST action on the same page.</param>
/// <param name="SecondActionHandler">The named handler of that second action.</param>
public sealed record AccountBanner(string Kind, string Message, string? ActionPage = null, string? ActionLabel = null, string? ActionHandler = null,
    int CooldownSeconds = 0, string? CooldownText = null, string? SecondActionLabel = null, string? SecondActionHandler = null);
