namespace Profiles.Bench;

/// <summary>Ends a call after the request budget, as the portal's own total timeout does; every baseline gets it.</summary>
public sealed class BudgetHandler(TimeSpan budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var budgetEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budgetEnd.CancelAfter(budget);
        return await base.SendAsync(request, budgetEnd.Token);
    }
}
