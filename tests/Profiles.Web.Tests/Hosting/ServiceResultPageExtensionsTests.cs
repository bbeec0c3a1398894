using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Results;
using Profiles.Web.Hosting;

namespace Profiles.Web.Tests.Hosting;

/// <summary>The one mapping from a service result to what a page shows: field errors next to their input, the rest as the
/// form's error, nothing on success.</summary>
public sealed class ServiceResultPageExtensionsTests
{
    private static readonly ResultText Text = (code, result, arguments) =>
        code + (result.RetryAfter is { } wait ? "@" + wait.TotalSeconds : "") + string.Concat(arguments.Select(a => "#" + a));

    [Fact]
    public void A_success_writes_nothing()
    {
        var page = new TestPage();

        Assert.True(page.ApplyResult(ServiceResult.Success("CodeSent"), Text));
        Assert.Equal(0, page.ModelState.ErrorCount);
        Assert.Null(page.FormError());
    }

    [Fact]
    public void Field_errors_go_under_their_input_with_their_own_arguments()
    {
        var page = new TestPage();

        Assert.False(page.ApplyResult(ServiceResult.FieldError("Code", "WrongCode", 4), Text));

        Assert.Equal("WrongCode#4", page.ErrorFor("Input.Code"));
        Assert.Null(page.FormError());
    }

    [Fact]
    public void Other_failures_are_the_forms_error_with_the_wait_and_arguments()
    {
        var busy = new TestPage();
        var refused = new TestPage();

        busy.ApplyResult(ServiceResult.Busy("rate_limited", TimeSpan.FromSeconds(12)), Text);
        refused.ApplyResult(ServiceResult.Refused("Preferences.TooLarge", 200), Text);

        Assert.Equal("rate_limited@12", busy.FormError());
        Assert.Equal("Preferences.TooLarge#200", refused.FormError());
    }

    [Fact]
    public void A_page_can_map_field_names_and_send_unknown_ones_to_the_form()
    {
        var page = new TestPage();
        var result = ServiceResult.Invalid([new ServiceFieldError("given_name", "Profile.TooLong", [150]), new ServiceFieldError("shoe_size", "Other")]);

        page.ApplyResult(result, Text, field => field == "given_name" ? "Input.GivenName" : null);

        Assert.Equal("Profile.TooLong#150", page.ErrorFor("Input.GivenName"));
        Assert.Equal("Other", page.FormError());
    }

    [Fact]
    public void Describe_gives_the_sentence_of_the_first_field_or_the_result()
    {
        Assert.Equal("WrongCode#2", ServiceResult.FieldError("Code", "WrongCode", 2).Describe(Text));
        Assert.Equal("Cancelled", ServiceResult.Success("Cancelled").Describe(Text));
        Assert.Equal("unconfirmed", ServiceResult.Unconfirmed("unconfirmed").Describe(Text));
    }

    private sealed class TestPage : PageModel;
}
