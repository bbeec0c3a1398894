using Microsoft.Extensions.Localization;
using Profiles.Core.Applications;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Applications;

/// <summary>The user-facing sentence for each connected-applications result (<see cref="ApplicationsCodes"/>).</summary>
public static class ApplicationsResultText
{
    public static ResultText For(IStringLocalizer<ApplicationsResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return (code, _, _) => localizer["Result." + code];
    }
}
