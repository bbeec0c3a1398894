namespace Profiles.Bench;

/// <summary>A plan profile of the local tenant and the bucket that profile saves (PATCH /users/{id}) draw from.</summary>
public sealed record PlanUnderTest(string Name, string Label, int Burst, double RatePerSecond, bool RefillsEverySecond)
{
    public static readonly IReadOnlyList<PlanUnderTest> All =
    [
        new("free", "Free (2 burst, 2/s)", 2, 2, false),
        new("essentials", "Essentials Write Users (20 burst, 200/min)", 20, 200 / 60.0, true),
        new("enterprise", "Enterprise (50 burst, 16/s)", 50, 16, false),
    ];
}
