namespace Profiles.Web.Banners;

/// <summary>One kind of account banner. Register implementations as scoped services; the layout asks each on every page
/// for a signed-in user, so keep them cheap (use cached data).</summary>
public interface IAccountBannerSource
{
    Task<AccountBanner?> GetAsync(string userId, CancellationToken cancellationToken);
}
