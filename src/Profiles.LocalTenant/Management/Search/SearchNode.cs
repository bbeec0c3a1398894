namespace Profiles.LocalTenant.Management.Search;

/// <summary>A parsed search query (or part of one), evaluated against the user documents Auth0 would index.</summary>
public abstract class SearchNode
{
    public abstract bool Matches(SearchableUser user);
}
