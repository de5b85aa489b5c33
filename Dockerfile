# Concurrency Lab: build the TypeScript client with Node, the portal with the .NET SDK, run on the ASP.NET runtime.

FROM node:20-bookworm-slim AS client
WORKDIR /src/src/Portal/client
COPY src/Portal/client/package.json src/Portal/client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Portal/client/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Portal.sln appsettings.json ./
COPY src/Engine/Engine.csproj src/Engine/
COPY src/Worker/Worker.csproj src/Worker/
COPY src/Portal/Portal.csproj src/Portal/
RUN dotnet restore src/Portal/Portal.csproj
COPY src/ src/
COPY content/ content/
COPY --from=client /src/src/Portal/wwwroot/js/ src/Portal/wwwroot/js/
RUN dotnet publish src/Portal/Portal.csproj -c Release -o /app --no-restore -p:UseAppHost=false -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app /data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Data__DatabasePath=/data/portal.db
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "ConcurrencyLab.Portal.dll"]
