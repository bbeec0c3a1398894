using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Profiles.Core.Activity;
using Profiles.Web.Localization;

namespace Profiles.Web.Authentication;

/// <summary>The filter behind <see cref="RequireRecentSignInAttribute"/>. Antiforgery is checked before it runs (an
/// authorization filter), so a forged POST is refused before anything is kept.</summary>
public sealed partial class RecentSignInFilter(
    IRecentSignIn recentSignIn,
    ICurrentUser currentUser,
    ISecurityEventLog securityEvents,
    ITempDataDictionaryFactory tempDataFactory,
    IStringLocalizer<SharedResource> localizer,
    IModelMetadataProvider metadataProvider,
    IModelBinderFactory binderFactory,
    ParameterBinder parameterBinder,
    ILogger<RecentSignInFilter> logger) : IAsyncPageFilter
{
    /// <summary>ViewData key set on the page the user returns to; the layout shows a notice when it is present.</summary>
    public const string ResumedViewDataKey = "RecentSignIn.Resumed";

    /// <summary>ViewData key set when the kept form is complete (nothing was left out): the layout re-posts it with a fresh
    /// antiforgery token, so the action finishes without a second submit.</summary>
    public const string ResumeFormViewDataKey = "RecentSignIn.ResumeForm";

    internal const string TempDataKey = "RecentSignIn.Form";

    /// <summary>Authentication property holding the kept form during the round trip to Auth0: it travels inside the protected
    /// <c>state</c>, so whichever instance answers the callback can read it, and it belongs to this one challenge.</summary>
    internal const string KeptFormItem = ".profiles.kept_form";

    /// <summary>Larger forms are not kept (the <c>state</c> parameter travels in a URL); the user then types again.</summary>
    private const int MaxKeptFormLength = 2048;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var executed = await next();
            if (executed.Exception is null && executed.Result is null or PageResult && context.HandlerInstance is PageModel page)
            {
                await RestoreFormAsync(page, context.HttpContext);
            }

            return;
        }

        if (recentSignIn.IsRecent)
        {
            await next();
            return;
        }

        var path = request.PathBase + request.Path;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.HttpContext.RequestAborted) : null;
        var (values, complete) = Keep(form);
        var kept = JsonSerializer.Serialize(new SavedForm(path.ToString(), path + request.QueryString, values, complete));

        await securityEvents.RecordAsync(currentUser.UserId, SecurityActions.ReauthenticationRequired, SecurityOutcomes.Refused,
            context.ActionDescriptor.ViewEnginePath, context.HttpContext.RequestAborted);
        LogReauthenticationRequired(logger, context.ActionDescriptor.ViewEnginePath);
        var challenge = recentSignIn.CreateChallenge(path.ToString(), Reason(context.ActionDescriptor.ViewEnginePath));
        if (kept.Length <= MaxKeptFormLength)
        {
            challenge.Items[KeptFormItem] = kept;
        }

        context.Result = new ChallengeResult(PortalSignIn.Scheme, challenge);
    }

    /// <summary>Called once the re-authentication is accepted: hands the kept form to the page the user returns to.</summary>
    internal static void HandOver(ITempDataDictionaryFactory tempDataFactory, HttpContext httpContext, IDictionary<string, string?> items)
    {
        if (items.Remove(KeptFormItem, out var kept) && kept is not null)
        {
            var tempData = tempDataFactory.GetTempData(httpContext);
            tempData[TempDataKey] = kept;
            tempData.Save();
        }
    }

    /// <summary>The sentence the login page shows ("Confirm it's you to change your password"), one per page, else a general one.</summary>
    private string Reason(string page)
    {
        var specific = localizer["RecentSignIn.Reason" + page.Replace('/', '.')];
        return specific.ResourceNotFound ? localizer["RecentSignIn.Reason"].Value : specific.Value;
    }

    /// <summary>Everything but the antiforgery token and anything that looks like a password: those are never kept. Complete
    /// when only the antiforgery token was left out, so the form can be sent again as it was.</summary>
    private static (Dictionary<string, string[]> Values, bool Complete) Keep(IFormCollection? form)
    {
        var kept = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var complete = true;
        if (form is null)
        {
            return (kept, complete);
        }

        foreach (var (name, values) in form)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                complete = false;
                continue;
            }

            kept[name] = values.Select(v => v ?? "").ToArray();
        }

        return (kept, complete);
    }

    private async Task RestoreFormAsync(PageModel page, HttpContext httpContext)
    {
        var tempData = tempDataFactory.GetTempData(httpContext);
        if (tempData.Peek(TempDataKey) is not string json)
        {
            return;
        }

        var saved = JsonSerializer.Deserialize<SavedForm>(json);
        var path = (httpContext.Request.PathBase + httpContext.Request.Path).ToString();
        if (saved is null || !string.Equals(saved.Path, path, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        tempData.Remove(TempDataKey);
        tempData.Save();
        var values = new FormCollection(saved.Values.ToDictionary(v => v.Key, v => new Microsoft.Extensions.Primitives.StringValues(v.Value)));
        var provider = new FormValueProvider(BindingSource.Form, values, CultureInfo.CurrentCulture);
        foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is null || property.GetValue(page) is not { } model ||
                !saved.Values.Keys.Any(k => k.StartsWith(property.Name + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            var metadata = metadataProvider.GetMetadataForType(property.PropertyType);
            var binder = binderFactory.CreateBinder(new ModelBinderFactoryContext
            {
                Metadata = metadata,
                BindingInfo = new BindingInfo { BinderModelName = property.Name },
            });
            var parameter = new Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor { Name = property.Name, ParameterType = property.PropertyType };
            var result = await parameterBinder.BindModelAsync(page.PageContext, binder, provider, parameter, metadata, model);
            if (result.IsModelSet)
            {
                property.SetValue(page, result.Model);
            }
        }

        // The values are the user's own, about to be submitted again; validation messages would only distract here.
        page.ModelState.Clear();
        if (saved.Complete)
        {
            page.ViewData[ResumeFormViewDataKey] = new ResumeForm(saved.Action, saved.Values);
        }
        else
        {
            page.ViewData[ResumedViewDataKey] = true;
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Recent sign-in required for {Page}: asking Auth0 to authenticate again")]
    private static partial void LogReauthenticationRequired(ILogger logger, string page);

    /// <summary>The form as submitted: the page it came from, the address it posted to (with its handler) and its values.</summary>
    private sealed record SavedForm(string Path, string Action, Dictionary<string, string[]> Values, bool Complete);
}
