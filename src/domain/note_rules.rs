//! A minutes note stays with its meeting: its agenda item is one of that
//! meeting's, and an edit does not move it to another meeting.

/// Why a note was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteRefusal {
    /// The note belongs to meeting `owner`, not to `given`.
    OtherMeeting { note: i64, owner: i64, given: i64 },
    /// The agenda item belongs to meeting `owner`, not to `meeting`.
    ItemOfOtherMeeting { item: i64, owner: i64, meeting: i64 },
}

/// A note of meeting `owner` is edited as a note of meeting `given`.
pub fn same_meeting(note: i64, owner: i64, given: i64) -> Result<(), NoteRefusal> {
    if owner == given {
        Ok(())
    } else {
        Err(NoteRefusal::OtherMeeting { note, owner, given })
    }
}

/// Agenda item `item` of meeting `owner` is attached to a note of `meeting`.
pub fn item_of_meeting(item: i64, owner: i64, meeting: i64) -> Result<(), NoteRefusal> {
    if owner == meeting {
        Ok(())
    } else {
        Err(NoteRefusal::ItemOfOtherMeeting {
            item,
            owner,
            meeting,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_stays_with_its_meeting() {
        assert_eq!(same_meeting(7, 2, 2), Ok(()));
        assert_eq!(
            same_meeting(7, 2, 3),
            Err(NoteRefusal::OtherMeeting {
                note: 7,
                owner: 2,
                given: 3
            })
        );
        assert_eq!(item_of_meeting(9, 2, 2), Ok(()));
        assert_eq!(
            item_of_meeting(9, 2, 3),
            Err(NoteRefusal::ItemOfOtherMeeting {
                item: 9,
                owner: 2,
                meeting: 3
            })
        );
    }
}
