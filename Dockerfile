# syntax=docker/dockerfile:1
# The portal as a container: built with the SDK, run on the ASP.NET Core runtime image as a non-root user.
# A publish leaves the development tenant out (src/Profiles.Web/Profiles.Web.csproj, IncludeLocalTenant), so this image
# holds no demo users, passwords or keys. Settings: docs/configuration.md; running it: docs/deployment.md.
# No Docker engine runs in CI: the test suite replays this file's build stage (tests/Profiles.Web.Tests/Deployment/
# DockerfileBuild.cs) and runs what it publishes.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Profiles.Core/Profiles.Core.csproj src/Profiles.Core/
COPY src/Profiles.Persistence.Sqlite/Profiles.Persistence.Sqlite.csproj src/Profiles.Persistence.Sqlite/
COPY src/Profiles.Persistence.Postgres/Profiles.Persistence.Postgres.csproj src/Profiles.Persistence.Postgres/
COPY src/Profiles.Web/Profiles.Web.csproj src/Profiles.Web/
RUN dotnet restore src/Profiles.Web/Profiles.Web.csproj -p:IncludeLocalTenant=false
# The sources; .dockerignore keeps a developer's bin/ and obj/ (and local databases) out of the context.
COPY src/Profiles.Core/ src/Profiles.Core/
COPY src/Profiles.Persistence.Sqlite/ src/Profiles.Persistence.Sqlite/
COPY src/Profiles.Persistence.Postgres/ src/Profiles.Persistence.Postgres/
COPY src/Profiles.Web/ src/Profiles.Web/
RUN dotnet publish src/Profiles.Web/Profiles.Web.csproj -c Release --no-restore -p:IncludeLocalTenant=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/healthcheck.sh /usr/local/bin/profiles-healthcheck
# Read-only root filesystem friendly: on PostgreSQL (as compose runs it) the portal writes nothing under /app (keys and state
# live in the portal database) and the runtime's diagnostics pipes are off, so only /tmp needs to be writable (compose mounts
# a tmpfs there). The SQLite default writes /app/.profiles/portal.db: a single SQLite instance needs a volume there.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_hostBuilder__reloadConfigOnChange=false
# The image's unprivileged "app" user (UID 1654); the portal listens on an unprivileged port.
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["bash", "/usr/local/bin/profiles-healthcheck"]
ENTRYPOINT ["dotnet", "Profiles.Web.dll"]
