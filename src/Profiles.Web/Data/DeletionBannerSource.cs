using Microsoft.Extensions.Localization;
using Profiles.Core.Data;
using Profiles.Core.Persistence;
using Profiles.Web.Banners;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Data;

/// <summary>While a deletion is scheduled: a banner on every page with a "Cancel deletion" button (one indexed read).</summary>
public sealed class DeletionBannerSource(IAccountDeletionService deletion, CurrentUserClock clock, IStringLocalizer<DataResource> localizer)
    : IAccountBannerSource
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

        var date = await clock.FormatAsync(request.DueAt, cancellationToken);
        return new AccountBanner("deletion", localizer["Banner.DeletionPending", date], "/Data/CancelDeletion", localizer["Banner.CancelDeletion"], "Mine");
    }
}
