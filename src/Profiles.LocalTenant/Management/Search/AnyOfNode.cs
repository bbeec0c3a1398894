namespace Profiles.LocalTenant.Management.Search;

/// <summary><c>a OR b</c>.</summary>
public sealed class AnyOfNode(IReadOnlyList<SearchNode> parts) : SearchNode
{
    public IReadOnlyList<SearchNode> Parts { get; } = parts;

    public override bool Matches(SearchableUser user) => Parts.Any(p => p.Matches(user));
}
