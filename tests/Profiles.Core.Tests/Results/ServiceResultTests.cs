using Profiles.Core.Results;

namespace Profiles.Core.Tests.Results;

/// <summary>The one result type: each outcome keeps what the page needs to explain it, and a data-carrying copy keeps it too.</summary>
public sealed class ServiceResultTests
{
    [Fact]
    public void A_field_error_names_its_field_and_takes_its_code_as_the_results_code()
    {
        var result = ServiceResult.FieldError("Code", "WrongCode", 4);

        Assert.Equal(ServiceOutcome.FieldError, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("WrongCode", result.Code);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal(("Code", "WrongCode"), (error.Field, error.Code));
        Assert.Equal([4], error.Arguments);
    }

    [Fact]
    public void Several_field_errors_keep_their_order_and_an_empty_list_is_refused()
    {
        var result = ServiceResult.Invalid([new ServiceFieldError("picture", "Profile.InvalidPicture"), new ServiceFieldError("name", "Profile.TooLong", [150])]);

        Assert.Equal(["picture", "name"], result.FieldErrors.Select(e => e.Field));
        Assert.Equal("Profile.InvalidPicture", result.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceResult.Invalid([]));
    }

    [Fact]
    public void Busy_and_unconfirmed_are_temporary_a_refusal_is_not()
    {
        var busy = ServiceResult.Busy("rate_limited", TimeSpan.FromSeconds(12));
        var unconfirmed = ServiceResult.Unconfirmed("unconfirmed");
        var refused = ServiceResult.Refused("Profile.TooLarge", 200);

        Assert.True(busy.IsTemporary);
        Assert.Equal(TimeSpan.FromSeconds(12), busy.RetryAfter);
        Assert.True(unconfirmed.IsTemporary);
        Assert.False(refused.IsTemporary);
        Assert.Equal([200], refused.Arguments);
        Assert.All(new[] { busy, unconfirmed, refused }, r => Assert.Empty(r.FieldErrors));
    }

    [Fact]
    public void A_failure_carried_as_a_data_result_keeps_everything_and_may_carry_data()
    {
        var original = ServiceResult.Busy("throttled", TimeSpan.FromMinutes(3), 3);

        var typed = original.As(new[] { "rule" });

        Assert.Equal((ServiceOutcome.Busy, "throttled", TimeSpan.FromMinutes(3)), (typed.Outcome, typed.Code, typed.RetryAfter));
        Assert.Equal([3], typed.Arguments);
        Assert.Equal(["rule"], typed.Value!);
    }

    [Fact]
    public void A_success_carries_its_data_and_names_which_success_when_asked()
    {
        var plain = ServiceResult.Success();
        var named = ServiceResults.Success(42, "Scheduled");

        Assert.True(plain.Succeeded);
        Assert.Null(plain.Code);
        Assert.True(named.Succeeded);
        Assert.Equal(("Scheduled", 42), (named.Code, named.Value));
    }
}
