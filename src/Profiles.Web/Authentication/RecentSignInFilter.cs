using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Profiles.Core.Security;

namespace Profiles.Web.Authentication;

/// <summary>The filter behind <see cref="RequireRecentSignInAttribute"/>. Antiforgery is checked before it runs (an
/// authorization filter), so a forged POST is refused before anything is kept.</summary>
public sealed partial class RecentSignInFilter(
    IRecentSignIn recentSignIn,
    ICurrentUser currentUser,
    ISecurityEventLog securityEvents,
    ITempDataDictionaryFactory tempDataFactory,
    IModelMetadataProvider metadataProvider,
    IModelBinderFactory binderFactory,
    ParameterBinder parameterBinder,
    ILogger<RecentSignInFilter> logger) : IAsyncPageFilter
{
    /// <summary>ViewData key set on the page the user returns to; the layout shows a notice when it is present.</summary>
    public const string ResumedViewDataKey = "RecentSignIn.Resumed";

    internal const string TempDataKey = "RecentSignIn.Form";

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
        var kept = new SavedForm(path, Keep(form));
        var tempData = tempDataFactory.GetTempData(context.HttpContext);
        tempData[TempDataKey] = JsonSerializer.Serialize(kept);
        tempData.Save();

        await securityEvents.RecordAsync(currentUser.UserId, SecurityActions.ReauthenticationRequired, SecurityOutcomes.Refused,
            context.ActionDescriptor.ViewEnginePath, context.HttpContext.RequestAborted);
        LogReauthenticationRequired(logger, context.ActionDescriptor.ViewEnginePath);
        context.Result = new ChallengeResult(Auth0LoginExtensions.Scheme, recentSignIn.CreateChallenge(path.ToString()));
    }

    /// <summary>Everything but the antiforgery token and anything that looks like a password: those are never kept.</summary>
    private static Dictionary<string, string[]> Keep(IFormCollection? form)
    {
        var kept = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (form is null)
        {
            return kept;
        }

        foreach (var (name, values) in form)
        {
            if (name.StartsWith("__", StringComparison.Ordinal) || name.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            kept[name] = values.Select(v => v ?? "").ToArray();
        }

        return kept;
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
        page.ViewData[ResumedViewDataKey] = true;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Recent sign-in required for {Page}: asking Auth0 to authenticate again")]
    private static partial void LogReauthenticationRequired(ILogger logger, string page);

    private sealed record SavedForm(string Path, Dictionary<string, string[]> Values);
}
