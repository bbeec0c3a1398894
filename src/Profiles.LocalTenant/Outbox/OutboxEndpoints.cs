using System.Net;
using System.Text;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Localization;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Outbox;

/// <summary><c>/outbox</c> (HTML) and <c>/outbox.json</c>; <c>POST /outbox</c> lets a development portal drop its own emails here.</summary>
public static class OutboxEndpoints
{
    public static void MapOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/outbox.json", (OutboxService outbox, string? to) => Results.Json(outbox.List(to), TenantStore.DocumentJson));
        app.MapGet("/outbox", (HttpContext context, OutboxService outbox, string? to) =>
        {
            var emails = outbox.List(to);
            if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Json(emails, TenantStore.DocumentJson);
            }

            return Results.Content(Render(emails), "text/html; charset=utf-8");
        });
        app.MapPost("/outbox", (OutboxMessage message, OutboxService outbox) =>
        {
            if (string.IsNullOrWhiteSpace(message.To) || string.IsNullOrWhiteSpace(message.Subject))
            {
                return Results.BadRequest(new { error = "invalid_request", error_description = "to and subject are required" });
            }

            var email = outbox.Send(message.To, message.Subject, message.Body ?? "", message.Kind ?? "portal");
            return Results.Json(email, TenantStore.DocumentJson, statusCode: StatusCodes.Status201Created);
        });
        app.MapDelete("/outbox", (OutboxService outbox) =>
        {
            outbox.Clear();
            return Results.NoContent();
        });
    }

    private static string Render(IReadOnlyList<OutboxEmail> emails)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(TenantCultures.Language).Append('"').Append(TenantCultures.DirAttribute.Value)
            .Append("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(T("Outbox.Heading"))).Append(" · ").Append(WebUtility.HtmlEncode(T("Layout.SiteName")))
            .Append("</title><link rel=\"stylesheet\" href=\"/tenant.css\"></head><body><main class=\"card wide\">")
            .Append("<h1>").Append(WebUtility.HtmlEncode(T("Outbox.Heading"))).Append("</h1><p>").Append(WebUtility.HtmlEncode(T("Outbox.Intro"))).Append("</p>");
        if (emails.Count == 0)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(T("Outbox.Empty"))).Append("</p>");
        }

        foreach (var email in emails)
        {
            html.Append("<article class=\"email\"><h2>").Append(WebUtility.HtmlEncode(email.Subject)).Append("</h2>")
                .Append("<p class=\"meta\">").Append(WebUtility.HtmlEncode(T("Outbox.To", email.To))).Append(" · ")
                .Append(email.SentAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append("</p><pre>")
                .Append(WebUtility.HtmlEncode(email.Body)).Append("</pre>");
            foreach (var link in email.Links)
            {
                html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(link)).Append("</a></p>");
            }

            html.Append("</article>");
        }

        return html.Append("</main></body></html>").ToString();
    }
}
