using Microsoft.EntityFrameworkCore;

namespace ConcurrencyLab.Portal.Data;

/// <summary>The portal's SQLite database.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<StoredRun> Runs => Set<StoredRun>();
    public DbSet<RunChunk> RunChunks => Set<RunChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRun>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasMaxLength(32);
            run.Property(r => r.DemoId).HasMaxLength(64);
            run.Property(r => r.OwnerId).HasMaxLength(32);
            run.Property(r => r.Status).HasMaxLength(16);
            run.HasIndex(r => r.CreatedUtc);
            run.HasIndex(r => new { r.OwnerId, r.CreatedUtc });
        });
        modelBuilder.Entity<RunChunk>(chunk =>
        {
            chunk.HasKey(c => new { c.RunId, c.First });
            chunk.Property(c => c.Encoding).HasMaxLength(8);
            chunk.HasOne<StoredRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
