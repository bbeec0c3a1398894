namespace Profiles.LocalTenant.Management.Search;

/// <summary><c>NOT a</c>: every user <c>a</c> does not match (Auth0's search engine treats a lone NOT as "all but").</summary>
public sealed class NotNode(SearchNode inner) : SearchNode
{
    public SearchNode Inner { get; } = inner;

    public override bool Matches(SearchableUser user) => !Inner.Matches(user);
}
