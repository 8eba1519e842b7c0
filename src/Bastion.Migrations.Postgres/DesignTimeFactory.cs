using Bastion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bastion.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider; no database is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BastionDb>
{
    public BastionDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, new StorageSettings(DatabaseProvider.Postgres, "Host=localhost;Database=bastion_design;Username=postgres", "data"));
        return new BastionDb(options.Options, FixedDataScope.System("design-time"), TimeProvider.System);
    }
}
