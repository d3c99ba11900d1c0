package io.taskconsole.bench;

/**
 * Builds a task document of a given size that looks like the real thing: headings, prose with
 * inline code and links, acceptance-criteria checklists with nested items, code blocks and tables,
 * so render and extraction times reflect what a product manager writes rather than one long line.
 */
public final class SampleMarkdown {

    private SampleMarkdown() {
    }

    /** A document of at least {@code bytes} UTF-8 bytes (ASCII only, so chars = bytes). */
    public static String ofSize(int bytes) {
        StringBuilder md = new StringBuilder(bytes + 2048);
        md.append("# Rate-limit failed logins\n\n");
        int section = 0;
        while (md.length() < bytes) {
            section++;
            appendSection(md, section);
        }
        return md.toString();
    }

    private static void appendSection(StringBuilder md, int n) {
        md.append("## Part ").append(n).append(": login throttling for service `auth-").append(n).append("`\n\n");
        md.append("After five failed logins within ").append(n % 10 + 1)
          .append(" minutes the account is locked for *fifteen minutes*. The lock is kept in **Redis** under ")
          .append("`login:fail:<user>` so every replica sees it; see [the design spec](design-spec.md#part-")
          .append(n).append(") and the [runbook](docs/runbook.md).\n\n");
        md.append("### Acceptance criteria\n\n");
        md.append("- [ ] A sixth failed login within the window returns HTTP 429 with `Retry-After`\n");
        md.append("  - [ ] the header value is the remaining lock time in seconds\n");
        md.append("  - [x] the response body is the standard error envelope\n");
        md.append("- [ ] A successful login resets the counter for user ").append(n).append('\n');
        md.append("- [x] Metrics `auth_login_locked_total` and `auth_login_failed_total` are exported\n\n");
        md.append("```java\n");
        md.append("if (failures.increment(user) > LIMIT) {\n");
        md.append("    return Response.status(429).header(\"Retry-After\", lock.remaining(user)).build();\n");
        md.append("}\n```\n\n");
        md.append("| Setting | Default | Meaning |\n|---|---|---|\n");
        md.append("| `limit` | 5 | failures before the lock |\n");
        md.append("| `window` | 10m | how long failures count |\n");
        md.append("| `lock` | 15m | how long the lock lasts |\n\n");
        md.append("> Note: clock skew between replicas must not extend a lock by more than one second.\n\n");
    }
}
