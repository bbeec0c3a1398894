using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Profiles.Web.Hosting;

/// <summary>
/// Turns the framework's blank 400 for a refused form into a reason the error page can explain (<see cref="FormFailure"/>), and
/// refuses form values with control characters (NUL and the other C0 characters but tab, CR and LF) before any handler sees
/// them. The 400 itself is rendered by the status code page.
/// </summary>
public sealed class FormFailureFilter(IAntiforgery antiforgery) : IAsyncAlwaysRunResultFilter, IAsyncPageFilter
{
    private const string ItemKey = "Profiles.FormFailure";

    /// <summary>The reason recorded for this request, if a form was refused.</summary>
    public static FormFailure? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) && value is FormFailure failure ? failure : null;
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = Refuse(context.HttpContext, await ReasonAsync(context.HttpContext));
        }

        await next();
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The error page re-executes with the refused form still in the request; it only explains.
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null
            && await HasMalformedFormAsync(context.HttpContext.Request))
        {
            context.Result = Refuse(context.HttpContext, FormFailure.Malformed);
            return;
        }

        await next();
    }

    private static StatusCodeResult Refuse(HttpContext context, FormFailure failure)
    {
        context.Items[ItemKey] = failure;
        return new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    /// <summary>The form could not be parsed; or the token is valid for no one signed in (the form was loaded before a sign-in
    /// in another tab) or names another user; otherwise it expired (or was forged).</summary>
    private async Task<FormFailure> ReasonAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>()?.Form is null)
        {
            return FormFailure.Malformed;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException ex) when (ex.Message.Contains("meant for", StringComparison.Ordinal))
        {
            return FormFailure.OtherUser;
        }
        catch (AntiforgeryValidationException)
        {
            return await ValidForAnonymousAsync(context) ? FormFailure.OtherUser : FormFailure.Expired;
        }

        return FormFailure.Expired;
    }

    private async Task<bool> ValidForAnonymousAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var user = context.User;
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        finally
        {
            context.User = user;
        }
    }

    private static async Task<bool> HasMalformedFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return false;
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Any(field => HasControlCharacter(field.Key) || field.Value.Any(HasControlCharacter));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return true;
        }
    }

    private static bool HasControlCharacter(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not '\t' and not '\r' and not '\n');
}
