namespace Profiles.LocalTenant.Management.Search;

/// <summary><c>a AND b</c> (also the implicit AND between clauses written side by side).</summary>
public sealed class AllOfNode(IReadOnlyList<SearchNode> parts) : SearchNode
{
    public IReadOnlyList<SearchNode> Parts { get; } = parts;

    public override bool Matches(SearchableUser user) => Parts.All(p => p.Matches(user));
}
