-- A debrief completes only with an owned follow-up or an explicit "no follow-up needed" and why (issue 16): the why.
ALTER TABLE debrief_completion ADD COLUMN no_follow_up_reason TEXT;
