package io.taskconsole.ui.tasks;

/** The starting text of a new task's files: the headings a good task has, with hints to replace. */
final class TaskTemplates {

    private TaskTemplates() {
    }

    static String taskMd(String title) {
        return "# " + title + "\n\n"
                + "## Goal\n\nWhat should be true when this task is done, and why it matters.\n\n"
                + "## Context\n\nWhere in the service this lives; links to related code or tickets.\n\n"
                + "## Acceptance criteria\n\n"
                + "- [ ] A user-visible behaviour that a test can check\n"
                + "- [ ] Another one\n";
    }

    static String designSpecMd(String title) {
        return "# Design: " + title + "\n\n"
                + "## Approach\n\nThe shape of the change: modules, data, interfaces.\n\n"
                + "## Out of scope\n\n- What the agent should leave alone\n";
    }
}
