using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Profiles.Web.Tests.Hardening;

/// <summary>
/// What the portal tells the user after a save equals what the tenant stores, whatever happens to the answer: saved ⇒ stored,
/// not saved ⇒ unchanged, "could not confirm" only when the re-read after a lost answer failed too; and the next page view shows
/// the stored value. Driven through the real portal against the local tenant and its own fault modes.
/// </summary>
public sealed class ReconciliationTests(ITestOutputHelper output) : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private static readonly string[] Nicknames = ["alice", "ally", "al"];
    private static readonly string[] Salutations = ["none", "ms", "dr"];

    private ScriptedTenantFaults _faults = null!;

    protected override IDictionary<string, string?> PortalSettings => ScriptedTenantFaults.Settings;

    protected override void ConfigurePortalServices(IServiceCollection services)
    {
        _faults = new ScriptedTenantFaults(Tenant);
        services.AddHttpClient(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName).AddHttpMessageHandler(_faults.CreateHandler);
    }

    /// <summary>The finding as reported: the change took effect and only its answer was lost. The portal said "Nothing was
    /// saved", kept the old cached profile, and a second save of the old value answered "Nothing had changed" while Auth0 kept
    /// the new one.</summary>
    [Fact]
    public async Task A_change_whose_answer_was_lost_after_it_took_effect_is_reported_saved_and_can_be_undone()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/profile");
        _faults.Plan([TenantFault.ServerErrorAfterEffect, TenantFault.ServerErrorAfterEffect], []);

        var told = await SaveProfileAsync(page, "ally");

        Assert.Equal(Told.Saved, told.Said);
        Assert.Equal("ally", StoredNickname());
        Assert.Equal("ally", told.Shown);

        _faults.Plan([], []);
        var back = await SaveProfileAsync(await GetPageAsync("/profile"), "alice");

        Assert.Equal(Told.Saved, back.Said);
        Assert.Equal("alice", StoredNickname());
    }

    [Fact]
    public async Task A_lost_answer_with_a_failed_re_read_is_reported_unconfirmed_and_the_next_page_shows_what_is_stored()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        _faults.Plan([TenantFault.DropAfterEffect, TenantFault.DropAfterEffect], [TenantFault.ServerError, TenantFault.ServerError]);

        var told = await SaveProfileAsync(await GetPageAsync("/profile"), "al");

        Assert.Equal(Told.Unconfirmed, told.Said);
        Assert.True(_faults.RereadFailed);
        Assert.Equal("al", StoredNickname());
        Assert.Equal("al", Nickname(await GetPageAsync("/profile")));
    }

    /// <summary>Random sequences of profile and preference saves under the tenant's fault modes (seeded; the seed is printed
    /// and in the failure message). After each step: the message matches the store, and the next page view shows the store.</summary>
    [Fact]
    public async Task What_the_portal_says_after_each_save_is_what_the_tenant_stores()
    {
        // Change the seed to explore other sequences; every step is printed and every failure names its seed and step.
        const int seed = 20261201;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        for (var step = 0; step < 14; step++)
        {
            var writes = Faults(random, afterEffect: true);
            var rereads = Faults(random, afterEffect: false);
            var profileStep = random.Next(2) == 0;
            var context = $"seed {seed}, step {step}, {(profileStep ? "profile" : "preferences")}, writes [{string.Join(",", writes)}], re-reads [{string.Join(",", rereads)}]";
            var before = profileStep ? StoredNickname() : StoredSalutation();
            var wanted = profileStep ? Nicknames[random.Next(Nicknames.Length)] : Salutations[random.Next(Salutations.Length)];
            var page = await GetPageAsync(profileStep ? "/profile" : "/preferences");
            _faults.Plan(writes, rereads);

            var told = profileStep ? await SaveProfileAsync(page, wanted) : await SavePreferencesAsync(page, wanted);

            var stored = profileStep ? StoredNickname() : StoredSalutation();
            output.WriteLine($"{context}: told {told.Said}, stored {stored}, shown {told.Shown}");
            switch (told.Said)
            {
                case Told.Saved:
                case Told.NothingChanged:
                    Assert.True(wanted == stored, $"{context}: told {told.Said} but the tenant stores {stored}, not {wanted}");
                    break;
                case Told.NotSaved:
                    Assert.True(before == stored, $"{context}: told not saved but the tenant changed from {before} to {stored}");
                    break;
                case Told.Unconfirmed:
                    Assert.True(_faults.Reread && _faults.RereadFailed, $"{context}: told could not confirm although the re-read did not fail");
                    break;
            }

            Assert.True(stored == told.Shown, $"{context}: the next page view shows {told.Shown}, the tenant stores {stored}");
        }
    }

    private static TenantFault[] Faults(Random random, bool afterEffect)
    {
        var modes = afterEffect
            ? new[] { TenantFault.None, TenantFault.ServerError, TenantFault.ServerErrorAfterEffect, TenantFault.Drop, TenantFault.DropAfterEffect, TenantFault.RateLimited }
            : new[] { TenantFault.None, TenantFault.ServerError, TenantFault.Drop, TenantFault.RateLimited };
        return Enumerable.Range(0, ScriptedTenantFaults.MaxAttempts).Select(_ => modes[random.Next(modes.Length)]).ToArray();
    }

    /// <summary>Retries back off on the portal's clock, which is the tests' fake clock: it moves while the save is in flight, the
    /// way real time would, so a retry's delay and the request budget pass without the test waiting for them.</summary>
    private async Task<HttpResponseMessage> PostMovingTheClockAsync(string path, IHtmlDocument page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var post = PostAsync(path, page, fields);
        await Eventually.TrueAsync(() => Task.FromResult(post.IsCompleted), "the answer to the save", () => Clock.Advance(TimeSpan.FromMilliseconds(250)));
        return await post;
    }

    private async Task<Outcome> SaveProfileAsync(IHtmlDocument page, string nickname)
    {
        var response = await PostMovingTheClockAsync("/profile", page,
        [
            new("Input.Name", "Alice Example"), new("Input.Nickname", nickname), new("Input.GivenName", "Alice"),
            new("Input.FamilyName", "Example"), new("Input.Picture", ""),
        ]);
        var (told, _) = await ToldAsync(response);
        return new Outcome(told, Nickname(await GetPageAsync("/profile")));
    }

    private async Task<Outcome> SavePreferencesAsync(IHtmlDocument page, string salutation)
    {
        var response = await PostMovingTheClockAsync("/preferences", page,
        [
            new("Values[preferred_language]", "en"), new("Values[time_zone]", "Europe/London"), new("Values[salutation]", salutation),
        ]);
        var (told, _) = await ToldAsync(response);
        var next = await GetPageAsync("/preferences");
        return new Outcome(told, next.QuerySelector("select[name='Values[salutation]'] option[selected]")?.GetAttribute("value"));
    }

    /// <summary>A redirect carries the status message to the next page; a re-rendered form carries the error.</summary>
    private async Task<(Told, string)> ToldAsync(HttpResponseMessage response)
    {
        string text;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            text = (await GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector("[role='status']")?.TextContent.Trim() ?? "";
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = (await PortalSession.ParseAsync(response)).QuerySelector(".form-error")?.TextContent.Trim() ?? "";
        }

        Told? told = text switch
        {
            _ when text.Contains("have been saved", StringComparison.Ordinal) || text.Contains("has been saved", StringComparison.Ordinal) => Told.Saved,
            _ when text.Contains("Nothing had changed", StringComparison.Ordinal) => Told.NothingChanged,
            _ when text.Contains("could not confirm", StringComparison.Ordinal) => Told.Unconfirmed,
            _ when text.Contains("Nothing was saved", StringComparison.Ordinal) || text.Contains("Too many changes", StringComparison.Ordinal) => Told.NotSaved,
            _ => null,
        };
        Assert.True(told is not null, $"Unexpected message: '{text}'");
        return (told!.Value, text);
    }

    private static string? Nickname(IHtmlDocument page) => page.GetElementById("Input_Nickname")?.GetAttribute("value");

    private TenantUser StoredAlice() =>
        Tenant.Services.GetRequiredService<TenantStore>().Read(d => d.FindUser(AliceId)!.Clone());

    private string? StoredNickname() => StoredAlice().Nickname;

    private string? StoredSalutation() =>
        StoredAlice().UserMetadata is { } metadata && metadata.TryGetPropertyValue("salutation", out var value) && value is JsonValue text
            ? text.GetValue<string>()
            : null;

    private enum Told
    {
        Saved,
        NothingChanged,
        NotSaved,
        Unconfirmed,
    }

    private sealed record Outcome(Told Said, string? Shown);
}
