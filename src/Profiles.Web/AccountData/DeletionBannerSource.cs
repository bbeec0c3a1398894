using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Core.Data;
using Profiles.Web.Banners;
using Profiles.Web.Localization;

namespace Profiles.Web.AccountData;

/// <summary>While a deletion is scheduled: a banner on every page with a "Cancel deletion" button (one indexed read).</summary>
public sealed class DeletionBannerSource(AccountDeletionService deletion, IStringLocalizer<DataResource> localizer) : IAccountBannerSource
{
    public async Task<AccountBanner?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var request = await deletion.FindOpenAsync(userId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        if (request.Status == DeletionStatus.InProgress)
        {
            return new AccountBanner("deletion", localizer["Banner.DeletionInProgress"]);
        }

        if (request.Status == DeletionStatus.Failed)
        {
            return new AccountBanner("deletion", localizer["Data.DeletionFailed"], "/Data/CancelDeletion", localizer["Banner.CancelDeletion"], "Mine");
        }

        var date = request.DueAt.ToUniversalTime().ToString("f", CultureInfo.CurrentCulture) + " (UTC)";
        return new AccountBanner("deletion", localizer["Banner.DeletionPending", date], "/Data/CancelDeletion", localizer["Banner.CancelDeletion"], "Mine");
    }
}
