namespace Profiles.Web.Pages.Shared;

/// <summary>What the <c>_Countdown</c> partial renders: a localised sentence whose <c>{0}</c> is a number of seconds that
/// countdown.js lowers every second; at zero it enables the scope's cooldown buttons and hides the sentence. The server still
/// refuses an early request: this only spares the user a pointless click.</summary>
/// <param name="Format">Localised text with <c>{0}</c> where the seconds go.</param>
public sealed record CountdownModel(string Id, string Format, int Seconds);
