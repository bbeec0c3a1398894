using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>Many profile saves by one signed-in browser through the proxy, a few in flight at a time (as a busy user base would
/// send them), each with a distinct name so the tenant's side of each can be found. The antiforgery token comes from one page
/// view on one instance and is used on all of them.</summary>
public static class ProfileBurst
{
    public static async Task<IReadOnlyList<SaveAttempt>> RunAsync(ScaleOutBrowser browser, int saves, int inFlight, string label,
        Func<int, Task>? afterEachCompleted = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var (profile, _) = await browser.GetDocumentAsync("/profile");
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(inFlight);
        var completed = 0;
        var attempts = Enumerable.Range(0, saves).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var attempt = await SaveAsync(browser, profile, $"{label} {i:D3}", clock.Elapsed);
                if (afterEachCompleted is not null)
                {
                    await afterEachCompleted(Interlocked.Increment(ref completed));
                }

                return attempt;
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(attempts);
    }

    /// <summary>The profile form with a new name and the other fields as the page showed them.</summary>
    public static async Task<SaveAttempt> SaveAsync(ScaleOutBrowser browser, IHtmlDocument profile, string name, TimeSpan startedAt)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(profile);
        KeyValuePair<string, string>[] fields =
        [
            new("__RequestVerificationToken", profile.QuerySelector("form input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("Input.Name", name),
            new("Input.Nickname", profile.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", profile.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", profile.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", profile.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ];
        try
        {
            using var response = await browser.PostFormAsync("/profile", fields);
            var body = await response.Content.ReadAsStringAsync();
            var succeeded = response.StatusCode == HttpStatusCode.Redirect && string.Equals(response.Headers.Location?.OriginalString, "/profile", StringComparison.OrdinalIgnoreCase);
            return new SaveAttempt(name, startedAt, response.StatusCode, ScaleOutBrowser.Upstream(response),
                body.Contains("class=\"form-error\"", StringComparison.Ordinal), null) { Succeeded = succeeded };
        }
        catch (HttpRequestException ex)
        {
            return new SaveAttempt(name, startedAt, null, "", false, ex.Message);
        }
    }
}
