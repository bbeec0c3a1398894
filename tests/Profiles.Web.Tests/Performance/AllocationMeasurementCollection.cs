namespace Profiles.Web.Tests.Performance;

/// <summary>Test classes that count the process's allocations: run with no other test class at the same time, since any
/// other test's allocations would be counted too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "Allocation measurement";
}
