using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Profiles.Core.Telemetry;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The portal's own meter, read after real journeys against the local tenant.</summary>
public sealed class PortalMetricsTests : TenantPortalTests
{
    [Fact]
    public async Task Saving_a_profile_counts_one_management_patch_with_status_200_and_no_ids_in_tags()
    {
        using var calls = new MetricCollector<long>(Portal.Services.GetRequiredService<IMeterFactory>(), PortalTelemetry.MeterName, ManagementMetrics.CallsName);
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var profile = await GetPageAsync("/profile");

        var saved = await PostAsync("/profile", profile,
        [
            new("Input.Name", "Alice Metered"),
            new("Input.Nickname", profile.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", profile.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", profile.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", profile.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var measurements = calls.GetMeasurementSnapshot();
        var patch = Assert.Single(measurements, m => Equals(m.Tags["method"], "PATCH"));
        Assert.Equal(1, patch.Value);
        Assert.Equal(200, patch.Tags["status_code"]);
        Assert.Equal(ManagementEndpointGroups.Users, patch.Tags["endpoint_group"]);
        Assert.Contains(measurements, m => Equals(m.Tags["method"], "GET") && Equals(m.Tags["status_code"], 200));
        var tagValues = measurements.SelectMany(m => m.Tags.Values).Select(value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        Assert.DoesNotContain(tagValues, value => value.Contains("auth0|", StringComparison.Ordinal) || value.Contains('@', StringComparison.Ordinal));
    }
}
