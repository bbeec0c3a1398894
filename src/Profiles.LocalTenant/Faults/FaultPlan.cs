namespace Profiles.LocalTenant.Faults;

/// <summary>The fault drawn for one request.</summary>
/// <param name="AfterEffect">True: the request takes effect and only its answer is lost (the case that makes retries of POSTs dangerous).</param>
public sealed record FaultPlan(TimeSpan Delay, FaultOutcome Outcome, bool AfterEffect);
