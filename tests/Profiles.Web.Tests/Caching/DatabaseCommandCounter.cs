using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Profiles.Web.Tests.Caching;

/// <summary>Counts every command EF Core sends to the portal database (reads and writes): EF initialises one command per
/// execution, whatever kind it is and whether it runs synchronously or not.</summary>
public sealed class DatabaseCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
