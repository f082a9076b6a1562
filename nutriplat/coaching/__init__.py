"""The coaching and monitoring tool (subscription component c, issue 18 item 3): coaching
sessions (planned or held, SOAP notes, the actions agreed with an owner and a due date)
and the client's action plan, which the caregiver sees and ticks off."""
