using Microsoft.AspNetCore.Mvc;
using Profiles.Web.Authentication;

namespace Profiles.Web.Banners;

/// <summary>Renders every banner that applies to the signed-in user.</summary>
public sealed class AccountBannersViewComponent(IEnumerable<IAccountBannerSource> sources, ICurrentUser currentUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var banners = new List<AccountBanner>();
        if (currentUser.IsAuthenticated)
        {
            foreach (var source in sources)
            {
                if (await source.GetAsync(currentUser.UserId, HttpContext.RequestAborted) is { } banner)
                {
                    banners.Add(banner);
                }
            }
        }

        // Most page views have no banner: nothing to find or render.
        return banners.Count == 0 ? Content(string.Empty) : View(banners);
    }
}
