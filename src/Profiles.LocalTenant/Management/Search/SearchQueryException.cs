namespace Profiles.LocalTenant.Management.Search;

/// <summary>A search query the tenant cannot run: bad syntax, or a feature Auth0 refuses (such as wildcards on metadata).</summary>
public sealed class SearchQueryException : Exception
{
    public SearchQueryException()
    {
    }

    public SearchQueryException(string message)
        : base(message)
    {
    }

    public SearchQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
