using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management.Search;

namespace Profiles.LocalTenant.Management;

/// <summary><c>GET /users</c>: list and search users (Auth0's user search v3) with paging, sort and field selection.</summary>
internal static partial class UserListEndpoint
{
    /// <summary>Auth0 serves at most this many results of one search, however it is paged.</summary>
    public const int ReachableResults = 1000;

    public const string PagingLimitMessage =
        "You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.";

    public const string SearchEngineV1Message = "You are not allowed to use search_engine=v1.";

    public const string SearchEngineV2Message = "You are not allowed to use search_engine=v2. Use search_engine=v3 instead.";

    private const string SortDescription = "Field to sort by. Use <code>field:order</code> where order is <code>1</code> for ascending and <code>-1</code> for descending. e.g. <code>created_at:1</code>";

    public static IResult List(HttpRequest request, TenantStore store)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? Get(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        CheckSearchEngine(Get("search_engine"));
        var page = QueryNumbers.Parse(Get("page"), "page", 0, int.MaxValue, 0);
        var perPage = QueryNumbers.Parse(Get("per_page"), "per_page", 0, 100, 50);
        var sort = ParseSort(Get("sort"));
        var fields = Get("fields");
        var includeFields = Get("include_fields");
        UserJson.ParseFields(fields);
        var includeTotals = QueryBool(Get("include_totals"), "include_totals");
        var query = Get("q") is { Length: > 0 } q ? ParseQuery(q) : null;

        var start = (long)page * perPage;
        if (start >= ReachableResults && perPage > 0)
        {
            throw new ManagementProblem(StatusCodes.Status400BadRequest, PagingLimitMessage, "invalid_paging");
        }

        var (users, total) = store.Read(d =>
        {
            var matches = d.All<TenantUser>().Select(u => new SearchableUser(u)).Where(u => query?.Matches(u) != false).ToList();
            matches.Sort(sort);
            var take = (int)Math.Min(perPage, ReachableResults - start);
            var pageUsers = matches.Skip((int)start).Take(Math.Max(take, 0))
                .Select(u => (JsonNode)UserJson.Write(u.User, fields, includeFields)).ToArray();
            return (new JsonArray(pageUsers), matches.Count);
        });

        return includeTotals
            ? ManagementResults.Json(new JsonObject { ["users"] = users, ["start"] = start, ["limit"] = perPage, ["length"] = users.Count, ["total"] = total })
            : ManagementResults.Json(users);
    }

    private static void CheckSearchEngine(string? engine)
    {
        switch (engine)
        {
            case null or "v3":
                return;
            case "v1":
                throw new ManagementProblem(StatusCodes.Status400BadRequest, SearchEngineV1Message, "invalid_query_string");
            case "v2":
                throw new ManagementProblem(StatusCodes.Status400BadRequest, SearchEngineV2Message, "invalid_query_string");
            default:
                throw QueryProblem($"No enum match for: {engine}", "search_engine", "The version of the search engine");
        }
    }

    private static SearchNode ParseQuery(string q)
    {
        try
        {
            return SearchParser.Parse(q);
        }
        catch (SearchQueryException e)
        {
            throw new ManagementProblem(StatusCodes.Status400BadRequest, "Invalid query: " + e.Message + ".", "invalid_query_string");
        }
    }

    private static UserSort ParseSort(string? sort)
    {
        if (sort is null)
        {
            return UserSort.Default;
        }

        var match = SortPattern().Match(sort);
        return match.Success
            ? new UserSort(match.Groups[1].Value, match.Groups[2].Value == "-1")
            : throw QueryProblem($"String does not match pattern ^(([a-zA-Z0-9_\\\\.]+))\\:(1|-1)$: {sort}", "sort", SortDescription);
    }

    private static bool QueryBool(string? value, string name) => value switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new ManagementProblem(StatusCodes.Status400BadRequest,
            $"Query validation error: 'Expected type boolean but found type string' on property {name}.", "invalid_query_string"),
    };

    private static ManagementProblem QueryProblem(string detail, string property, string description)
        => new(StatusCodes.Status400BadRequest, $"Query validation error: '{detail}' on property {property} ({description}).", "invalid_query_string");

    [GeneratedRegex(@"^([a-zA-Z0-9_\.]+):(1|-1)$", RegexOptions.CultureInvariant)]
    private static partial Regex SortPattern();
}
