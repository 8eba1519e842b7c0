using Bastion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bastion.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider; no database is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BastionDb>
{
    public BastionDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, new StorageSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", "data"));
        return new BastionDb(options.Options, FixedDataScope.System("design-time"), TimeProvider.System);
    }
}
