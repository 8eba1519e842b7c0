using System.Reflection;
using Bastion.Organizations;
using NetArchTest.Rules;

namespace Bastion.UnitTests.Architecture;

public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Organization).Assembly;

    [Fact]
    public void Core_WhenScanned_DoesNotDependOnMvcOrHttp()
    {
        var result = Types.InAssembly(Core)
            .Should().NotHaveDependencyOnAny("Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http")
            .GetResult();

        Assert.True(result.IsSuccessful, "Bastion.Core types that depend on MVC/HTTP: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_WhenScanned_MayUseIdentityTypes()
    {
        // Control for the rule above: the scanner does see ASP.NET Core dependencies, and Identity is allowed.
        var usingIdentity = Types.InAssembly(Core).That().HaveDependencyOn("Microsoft.AspNetCore.Identity").GetTypes();

        Assert.NotEmpty(usingIdentity);
    }

    [Fact]
    public void Organizations_WhenScanned_DoNotDependOnGeneration()
    {
        var result = Types.InAssembly(Core)
            .That().ResideInNamespace("Bastion.Organizations")
            .Should().NotHaveDependencyOn("Bastion.Generation")
            .GetResult();

        Assert.True(result.IsSuccessful, "Bastion.Organizations types that depend on Bastion.Generation: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Generation_WhenScanned_DependsOnOrganizations()
    {
        // Control: the dependency the other way round exists, so the rule above is not vacuous.
        var dependents = Types.InAssembly(Core)
            .That().ResideInNamespace("Bastion.Generation")
            .And().HaveDependencyOn("Bastion.Organizations")
            .GetTypes();

        Assert.Contains(dependents, t => t == typeof(Bastion.Generation.DemoDataset));
    }
}
