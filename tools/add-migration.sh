#!/usr/bin/env bash
# Scaffolds an EF Core migration for the portal database: ./tools/add-migration.sh AddSomething
# Microsoft.EntityFrameworkCore.Design cannot be restored from this registry (Mono.TextTemplating is missing), so the
# usual `dotnet ef migrations add` is out; its scaffolder does not need that dependency, so a throwaway program outside the
# solution calls it directly (docs/decisions/0007). Run it after changing PortalDbContext or a row class.
set -euo pipefail
name="${1:?usage: tools/add-migration.sh MigrationName}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Restore the design package's own dll (the restore of its dependencies fails, the package itself downloads).
design_dir="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.entityframeworkcore.design/10.0.14/lib/net10.0"
if [[ ! -f "$design_dir/Microsoft.EntityFrameworkCore.Design.dll" ]]; then
  mkdir -p "$work/fetch" && (cd "$work/fetch" && dotnet new classlib -o . >/dev/null &&
    dotnet add package Microsoft.EntityFrameworkCore.Design --version 10.0.14 >/dev/null 2>&1 || true)
fi

cat > "$work/migen.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>NU1603;NU1608;EF1001</NoWarn>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Microsoft.EntityFrameworkCore.Design" HintPath="$design_dir/Microsoft.EntityFrameworkCore.Design.dll" />
    <PackageReference Include="Humanizer.Core" Version="2.14.1" />
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp.Workspaces" Version="5.12.0" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.14" />
    <PackageReference Include="SQLitePCLRaw.bundle_e_sqlite3" Version="3.0.3" />
    <PackageReference Include="SQLitePCLRaw.core" Version="3.0.3" />
    <PackageReference Include="SQLitePCLRaw.provider.e_sqlite3" Version="3.0.3" />
    <PackageReference Include="SQLitePCLRaw.config.e_sqlite3" Version="3.0.3" />
  </ItemGroup>
  <ItemGroup>
    <Compile Include="$root/src/Profiles.Core/Data/*.cs" />
    <Compile Include="$root/src/Profiles.Core/Data/Migrations/*.cs" />
  </ItemGroup>
</Project>
XML

cat > "$work/Program.cs" <<'CS'
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Data;

using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
var scaffolder = services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "Profiles.Core", "Data.Migrations");
var files = scaffolder.Save(args[1], migration, Path.Combine(args[1], "Data", "Migrations"));
Console.WriteLine(files.MigrationFile);
CS

dotnet run --project "$work/migen.csproj" -- "$name" "$root/src/Profiles.Core"
