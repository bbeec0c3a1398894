using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Profiles.Web.Tests.Hardening;

/// <summary>
/// Every form of the portal, signed in with a recent sign-in against the real local tenant, gets a generated corpus of hostile
/// values, undeclared keys, forged or missing antiforgery tokens, wrong methods and content types and another user's ids.
/// For every case: no 5xx, no stack trace, no hostile markup reflected raw, nothing stored at the tenant when the portal
/// refused, and a message for every refusal.
/// </summary>
public sealed class FormFuzzTests(ITestOutputHelper output) : TenantPortalTests
{
    private const int Seed = 20261202;
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";

    /// <summary>Each form: where it posts, its fields with a harmless value, and the fields the corpus goes into.</summary>
    private static readonly FuzzForm[] Forms =
    [
        new("/profile", [new("Input.Name", "Alice Example"), new("Input.Nickname", "alice"), new("Input.GivenName", "Alice"), new("Input.FamilyName", "Example"), new("Input.Picture", "")],
            ["Input.Name", "Input.Nickname", "Input.GivenName", "Input.FamilyName", "Input.Picture"], Every: 3),
        new("/preferences", [new("Values[preferred_language]", "en"), new("Values[time_zone]", "Europe/London"), new("Values[salutation]", "none")],
            ["Values[preferred_language]", "Values[time_zone]", "Values[salutation]", "Values[reduced_motion]", "Values[newsletter_opt_in]"], Every: 3),
        new("/security/password?handler=ChangePassword", [new("Input.NewPassword", "x"), new("Input.ConfirmPassword", "mismatch-always")], ["Input.NewPassword"], Every: 6),
        new("/security/password/reset-link?handler=SendResetLink", [], ["email"], Every: 10),
        new("/security/email", [new("Input.NewEmail", "")], ["Input.NewEmail"], Every: 4),
        new("/security/email/confirm", [new("Input.Code", "")], ["Input.Code"], Every: 6),
        new("/security/email/confirm?handler=Cancel", [], ["Input.Code"], Every: 12),
        new("/security/verification?handler=Resend", [], ["email"], Every: 12),
        new("/signinmethods?handler=Link", [new("Input.Connection", "github")], ["Input.Connection"], Every: 6),
        new("/signinmethods/link", [], ["Input.Connection"], Every: 12),
        new("/signinmethods/cancellink", [], ["Input.Connection"], Every: 12),
        new("/signinmethods/unlink", [new("Input.Provider", "auth0"), new("Input.Id", "64b97a87b6c808c6f9cc0001")], ["Input.Provider", "Input.Id"], Every: 6),
        new("/data?handler=Export", [], ["format"], Every: 12),
        new("/data/delete", [new("Input.Confirmation", "")], ["Input.Confirmation"], Every: 6),
        new("/data/cancel-deletion", [new("Token", "")], ["Token"], Every: 8),
        new("/data/cancel-deletion?handler=Mine", [], ["Token"], Every: 12),
    ];

    private string _token = "";

    [Fact]
    public async Task Every_form_survives_the_corpus()
    {
        output.WriteLine($"seed {Seed}");
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        _token = PortalSession.AntiforgeryToken(await GetPageAsync("/profile"));
        var values = FuzzCorpus.Values(Seed);
        var failures = new List<string>();
        var cases = 0;

        foreach (var form in Forms)
        {
            for (var i = 0; i < values.Count; i += form.Every)
            {
                var field = form.Targets[i % form.Targets.Length];
                cases++;
                await CheckAsync(form, HttpMethod.Post, With(form, field, values[i]), "application/x-www-form-urlencoded", values[i], failures);
            }

            foreach (var extra in Structural(form))
            {
                cases++;
                await CheckAsync(form, extra.Method, extra.Fields, extra.ContentType, null, failures, extra.ExpectRefusal);
            }
        }

        foreach (var (index, value) in FuzzCorpus.Long(Seed).Select((v, i) => (i, v)))
        {
            var form = Forms[index];
            cases++;
            await CheckAsync(form, HttpMethod.Post, With(form, form.Targets[0], value), "application/x-www-form-urlencoded", value, failures);
        }

        output.WriteLine($"{cases} cases, {failures.Count} failures");
        Assert.True(cases >= 300, $"only {cases} cases");
        Assert.True(failures.Count == 0, $"seed {Seed}:\n" + string.Join("\n", failures.Take(40)));
    }

    private IEnumerable<KeyValuePair<string, string>> With(FuzzForm form, string field, string value) =>
        form.Fields.Where(f => f.Key != field).Append(new(field, value)).Prepend(new("__RequestVerificationToken", _token));

    private IEnumerable<(HttpMethod Method, IEnumerable<KeyValuePair<string, string>> Fields, string ContentType, bool ExpectRefusal)> Structural(FuzzForm form)
    {
        var fields = form.Fields.ToList();
        yield return (HttpMethod.Post, fields.Prepend(new("__RequestVerificationToken", "CfDJ8forged")), "application/x-www-form-urlencoded", true);
        yield return (HttpMethod.Post, fields, "application/x-www-form-urlencoded", true);
        yield return (HttpMethod.Put, fields.Prepend(new("__RequestVerificationToken", _token)), "application/x-www-form-urlencoded", true);
        yield return (HttpMethod.Patch, fields.Prepend(new("__RequestVerificationToken", _token)), "application/x-www-form-urlencoded", true);
        yield return (HttpMethod.Post, fields.Prepend(new("__RequestVerificationToken", _token)), "application/json", true);
        yield return (HttpMethod.Post, fields.Prepend(new("__RequestVerificationToken", _token)), "text/plain", true);
        yield return (HttpMethod.Post, fields.Prepend(new("__RequestVerificationToken", _token)).Concat(FuzzCorpus.UndeclaredFields), "application/x-www-form-urlencoded", false);
    }

    private async Task CheckAsync(FuzzForm form, HttpMethod method, IEnumerable<KeyValuePair<string, string>> fields, string contentType, string? value,
        List<string> failures, bool expectRefusal = false)
    {
        var label = $"{method} {form.Path} [{Describe(value)}] {contentType}";
        var before = Snapshot();
        using var request = new HttpRequestMessage(method, form.Path)
        {
            Content = new StringContent(contentType == "application/json" ? JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => f.Value)) : FuzzCorpus.Encode(fields),
                Encoding.UTF8, contentType),
        };
        var response = await Client.SendAsync(request);
        var verdict = await InspectAsync(response, value, label, failures);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location && !location.IsAbsoluteUri)
        {
            var next = await Client.GetAsync(location.OriginalString);
            verdict = await InspectAsync(next, value, label + " → " + location.OriginalString, failures);
        }

        if (verdict == Verdict.Silent)
        {
            failures.Add($"{label}: refused without a message ({(int)response.StatusCode})");
        }

        if ((verdict == Verdict.Refused || expectRefusal) && Snapshot() != before)
        {
            failures.Add($"{label}: refused ({verdict}) but the tenant changed");
        }

        if (expectRefusal && verdict == Verdict.Accepted)
        {
            failures.Add($"{label}: should have been refused");
        }
    }

    private static async Task<Verdict> InspectAsync(HttpResponseMessage response, string? value, string label, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add($"{label}: {status}");
        }

        if (body.Contains("   at ", StringComparison.Ordinal) && body.Contains("Exception", StringComparison.Ordinal))
        {
            failures.Add($"{label}: stack trace in the answer");
        }

        var html = response.Content.Headers.ContentType?.MediaType == "text/html";
        if (html && value is { Length: >= 6 } && (value.Contains('<', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal))
            && body.Contains(value, StringComparison.Ordinal))
        {
            failures.Add($"{label}: reflected unescaped");
        }

        if (status is >= 300 and < 400)
        {
            return Verdict.Accepted;
        }

        if (!html)
        {
            return status >= 400 ? Verdict.Silent : Verdict.Accepted;
        }

        var page = await PortalSession.ParseAsync(response);
        var hasError = page.QuerySelector(".form-error, .field-validation-error, [role='alert'], .error-message") is { } error && error.TextContent.Trim().Length > 0;
        if (status >= 400)
        {
            return string.IsNullOrWhiteSpace(page.QuerySelector("main h1")?.TextContent) ? Verdict.Silent : Verdict.Refused;
        }

        return hasError ? Verdict.Refused : Verdict.Accepted;
    }

    private string Snapshot()
    {
        var store = Tenant.Services.GetRequiredService<TenantStore>();
        return store.Read(d => JsonSerializer.Serialize(new[] { d.FindUser(AliceId)!.Clone(), d.FindUser(FuzzCorpus.OtherUserId)!.Clone() }));
    }

    private static string Describe(string? value) => value is null ? "structural" : value.Length > 40 ? $"{value[..20]}…({value.Length})" : value.Replace("\0", "\\0", StringComparison.Ordinal);

    private enum Verdict
    {
        Accepted,
        Refused,
        Silent,
    }

    private sealed record FuzzForm(string Path, KeyValuePair<string, string>[] Fields, string[] Targets, int Every);
}
