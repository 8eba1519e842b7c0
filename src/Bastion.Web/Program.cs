using Bastion.Data;
using Bastion.Web.Hosting;

// Wrong settings stop start-up with one sentence that names the setting, not a stack trace.
try
{
    var app = BastionApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (ConfigurationProblemException e)
{
    await Console.Error.WriteLineAsync($"Bastion cannot start: {e.Message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
