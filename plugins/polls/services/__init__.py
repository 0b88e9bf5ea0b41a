"""The polls plugin's rules: polls and voting, surveys, their building, answering and copying."""
